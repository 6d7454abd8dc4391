export {
  addDays,
  instantOf,
  instantOfIso,
  isTimeZone,
  showInZone,
  wallClockAt,
  type CalendarDate,
  type WallClock,
} from './zoned';
