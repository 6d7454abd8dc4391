// Declarative IVR menus: loaded from YAML/JSON, validated, run as a flow on the call.
export { createIvrFlow, IVR_FLOW } from './ivr-flow';
export { fallbackMenu, fallbackState, GOODBYE_TEXT, onlyHangUpLeft, PUT_THROUGH_TEXT } from './fallback';
export type { IvrDeps } from './ivr-context';
export {
  initialIvrState,
  addKey,
  settingsOf,
  type IvrState,
  type IvrPhase,
  type KeyOutcome,
} from './ivr-state';
export { loadMenus, type MenuSet, type LoadMenusOptions } from './load-menus';
export { checkMenu, type MenuCheckContext } from './menu-check';
export { menuSchema, type Menu, type MenuNode, type Action, type Jump, type PromptRef } from './menu-schema';
export { createLoggingNotifier, fillTemplate, type Notifier, type NotificationCard } from './notifier';
export { hangUpTask, promptUrls, tonesTask } from './ivr-tasks';
export { answerTask } from './answer-task';
export { callIsOver } from './ivr-retry';
