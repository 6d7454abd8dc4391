// Geometry of the call history chart: bars for calls per day, a line for minutes on calls per day.
import type { HistoryDay } from './types';

export interface Bar {
  date: string;
  x: number;
  y: number;
  width: number;
  height: number;
  calls: number;
  minutes: number;
}

export interface ChartGeometry {
  bars: Bar[];
  /** SVG polyline points for minutes per day, on the same x positions. */
  minutesLine: string;
  maxCalls: number;
  maxMinutes: number;
}

/** Lays out days in a width × height box (bars and line share the x axis, each has its own y scale). */
export function chartGeometry(days: HistoryDay[], width: number, height: number): ChartGeometry {
  const maxCalls = Math.max(1, ...days.map((d) => d.calls));
  const maxMinutes = Math.max(1, ...days.map((d) => d.totalSeconds / 60));
  const slot = days.length ? width / days.length : width;
  const barWidth = Math.max(1, slot * 0.6);
  const bars = days.map((d, i) => {
    const h = (d.calls / maxCalls) * height;
    return {
      date: d.date,
      x: i * slot + (slot - barWidth) / 2,
      y: height - h,
      width: barWidth,
      height: h,
      calls: d.calls,
      minutes: Math.round(d.totalSeconds / 60),
    };
  });
  const minutesLine = days
    .map(
      (d, i) =>
        `${round(i * slot + slot / 2)},${round(height - (d.totalSeconds / 60 / maxMinutes) * height)}`,
    )
    .join(' ');
  return { bars, minutesLine, maxCalls, maxMinutes: Math.ceil(maxMinutes) };
}

/** "1 h 5 min", "3 min", "42 s". */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

const round = (n: number): number => Math.round(n * 10) / 10;
