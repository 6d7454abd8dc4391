// The emulator's control API as the page uses it: JSON requests and the person's event stream.

/** A control API request; rejects with the Graph-style error's message. */
export async function control(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const message = json?.error?.message ?? `${res.status} ${res.statusText}`;
    const err = new Error(message);
    err.status = res.status;
    throw err;
  }
  return json;
}

/**
 * Opens GET /emulator/events?person={id}; calls onHello / onCall / onPerson with parsed data and onLink with
 * 'live' or 'lost'. Returns the function that closes it. EventSource reconnects by itself, and a
 * reconnect starts with a fresh hello.
 */
export function openEvents(personId, { onHello, onCall, onPerson, onLink }) {
  const source = new EventSource(`/emulator/events?person=${encodeURIComponent(personId)}`);
  source.addEventListener('open', () => onLink('live'));
  source.addEventListener('error', () => onLink('lost'));
  source.addEventListener('hello', (ev) => onHello(JSON.parse(ev.data)));
  source.addEventListener('call', (ev) => onCall(JSON.parse(ev.data)));
  source.addEventListener('person', (ev) => onPerson(JSON.parse(ev.data)));
  return () => source.close();
}
