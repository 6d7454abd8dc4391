// Prompts played aloud, as a caller hears them: the audio the app served (the emulator keeps it while the
// call lasts), else the prompt's words through the browser's speech synthesis. Browsers play sound only
// after a person has clicked or typed on the page, so the first click or key press turns sound on.

const STORAGE_KEY = 'softphone.sound';
const NOTES = {
  waiting: 'Prompts play aloud after your first click or key press on this page.',
  on: 'Prompts play aloud as a caller hears them.',
  off: 'Prompts are shown, not played.',
};

/** Media time runs faster with EMULATOR_PROMPT_SPEED; playback follows within what browsers allow. */
const rateFor = (speed) => Math.min(4, Math.max(0.5, Number(speed) || 1));

/** The sound control and the player; `hear(entries, speed)` reacts to a live call's new timeline entries. */
export function createSound({ button, note, audio }) {
  let mode = localStorage.getItem(STORAGE_KEY) === 'off' ? 'off' : 'waiting';
  /** The operation being heard: { opId, prompts, index, speed }. */
  let current;

  const show = () => {
    button.textContent = mode === 'on' ? 'Sound on' : 'Sound off';
    button.setAttribute('aria-pressed', String(mode === 'on'));
    note.textContent = NOTES[mode];
    document.body.dataset.sound = mode;
  };

  function stop(opId) {
    if (!current || (opId !== undefined && current.opId !== opId)) return;
    current = undefined;
    audio.pause();
    audio.removeAttribute('src');
    audio.removeAttribute('data-operation-id');
    audio.load();
    globalThis.speechSynthesis?.cancel();
  }

  function speak(prompt, playing) {
    const synth = globalThis.speechSynthesis;
    if (!synth || !prompt.text) return next(playing);
    const words = new SpeechSynthesisUtterance(prompt.text);
    words.rate = rateFor(playing.speed);
    words.onend = words.onerror = () => next(playing);
    synth.speak(words);
  }

  function next(playing) {
    if (current !== playing) return;
    const prompt = playing.prompts[playing.index++];
    if (!prompt) return stop(playing.opId);
    if (!prompt.audio) return speak(prompt, playing);
    audio.src = prompt.audio;
    audio.dataset.operationId = playing.opId;
    audio.playbackRate = rateFor(playing.speed);
    audio.onended = () => next(playing);
    // Audio that is gone or will not decode is still heard: as words.
    audio.onerror = () => current === playing && speak(prompt, playing);
    audio.play().catch((err) => {
      if (current !== playing || err.name === 'AbortError') return;
      if (err.name === 'NotAllowedError') {
        mode = 'waiting';
        show();
        return stop();
      }
      speak(prompt, playing);
    });
  }

  function play(opId, prompts, speed) {
    stop();
    if (mode !== 'on' || prompts.length === 0) return;
    current = { opId, prompts, index: 0, speed };
    next(current);
  }

  function setMode(next) {
    mode = next;
    if (next === 'off') {
      localStorage.setItem(STORAGE_KEY, 'off');
      stop();
    } else localStorage.removeItem(STORAGE_KEY);
    show();
  }

  const firstGesture = (ev) => {
    if (mode === 'waiting' && !button.contains(ev.target)) setMode('on');
  };
  document.addEventListener('pointerdown', firstGesture, true);
  document.addEventListener('keydown', firstGesture, true);
  button.addEventListener('click', () => setMode(mode === 'on' ? 'off' : 'on'));
  show();

  return {
    stop,
    /** New entries of the call on the phone: a prompt starts, or is cut short, or the call ends. */
    hear(entries, speed) {
      for (const e of entries) {
        if (e.kind === 'media' && e.event === 'prompt-playing') play(e.operationId, e.prompts ?? [], speed);
        else if (e.kind === 'media' && e.event === 'cancel-all') (e.cancelled ?? []).forEach(stop);
        else if (e.kind === 'operation' && e.status === 'failed') stop(e.operationId);
        else if (e.kind === 'state' && e.to === 'terminated') stop();
      }
    },
  };
}
