// Meeting times as the tab's inputs and lines show them, in the viewer's local time.

/** datetime-local's value for a date, in local time. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Mon 3 Mar, 10:00 – 10:30" in the viewer's locale. */
export function timeRange(start?: string, end?: string): string {
  if (!start) return '';
  const s = new Date(start);
  const day = s.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  const t = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return end ? `${day}, ${t(s)} – ${t(new Date(end))}` : `${day}, ${t(s)}`;
}
