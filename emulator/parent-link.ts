// Ties the emulator's life to the process that started it, when that process asked for it by giving
// the emulator an IPC channel (`npm start` does). The kernel closes the channel whatever way the parent
// ends (exit, crash, SIGKILL), so the emulator never outlives it and never keeps its port taken.
// Started any other way (a terminal, a test, a service manager) the emulator runs on by itself.

/** How often the parent's pid is compared, should the channel's close go unnoticed. */
const PARENT_POLL_MS = 250;

/** Calls `onGone` once when the parent that holds the IPC channel is gone; does nothing without one. */
export function followParent(onGone: (why: string) => void): boolean {
  if (!process.channel) return false;
  const parent = process.ppid;
  let gone = false;
  const end = (why: string): void => {
    if (gone) return;
    gone = true;
    clearInterval(poll);
    onGone(why);
  };
  // The channel must not keep the emulator alive on its own, nor its messages be needed.
  process.channel.unref();
  process.once('disconnect', () => end('the process that started the emulator is gone'));
  // Orphans are re-parented (to init or a subreaper): a changed ppid means the parent died.
  const poll = setInterval(() => {
    if (process.ppid !== parent) end(`the process that started the emulator (pid ${parent}) is gone`);
  }, PARENT_POLL_MS);
  poll.unref();
  return true;
}
