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
} from './zoned';
