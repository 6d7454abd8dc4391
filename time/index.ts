// The time-zone helpers live in calling/ (its front desk and reminders need them, and calling/ imports no
// app folder); the bot and the tests reach the same implementation through here.
export {
  addDays,
  instantOf,
  instantOfIso,
  instantShownInZone,
  isTimeZone,
  showInZone,
  wallClockAt,
  type CalendarDate,
  type WallClock,
} from '../calling';
