// Call history from call records: a bar per day (calls) and a line (minutes), drawn as plain SVG.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { chartGeometry, duration } from '../chart';
import { Section } from '../Section';
import { useSession } from '../session';
import { useLoad } from '../use-load';

const W = 560;
const H = 140;

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: `${W + 40}px`, height: 'auto', overflow: 'visible' },
  bar: { fill: tokens.colorBrandBackground },
  line: { fill: 'none', stroke: tokens.colorPaletteDarkOrangeForeground1, strokeWidth: '2px' },
  axis: { fill: tokens.colorNeutralForeground3, fontSize: '10px' },
  legend: { color: tokens.colorNeutralForeground3 },
});

export default function History() {
  const styles = useStyles();
  const { api } = useSession();
  const [history] = useLoad(() => api.history(14), []);
  if (!history)
    return (
      <Section title="Call history" testId="history">
        <Text>Loading…</Text>
      </Section>
    );
  const g = chartGeometry(history.days, W, H);
  const t = history.totals;
  if (t.calls === 0)
    return (
      <Section title="Call history (14 days)" testId="history">
        <Text data-testid="history-totals">0 calls</Text>
        <Text className={styles.legend} data-testid="history-empty">
          No calls of yours in Microsoft Teams call records yet. A call shows here some minutes after it ends
          (Teams publishes its record with a delay, usually within 15 minutes).
        </Text>
      </Section>
    );
  return (
    <Section title="Call history (14 days)" testId="history">
      <Text data-testid="history-totals">
        {t.calls} {t.calls === 1 ? 'call' : 'calls'}, {duration(t.totalSeconds)} in all,{' '}
        {duration(t.averageSeconds)} on average
      </Text>
      <svg
        className={styles.svg}
        viewBox={`-30 -10 ${W + 40} ${H + 30}`}
        role="img"
        aria-label="Calls and minutes per day"
      >
        {g.bars.map((b) => (
          <rect key={b.date} className={styles.bar} x={b.x} y={b.y} width={b.width} height={b.height} rx={2}>
            <title>{`${b.date}: ${b.calls} calls, ${b.minutes} min`}</title>
          </rect>
        ))}
        {g.bars.length > 1 && <polyline className={styles.line} points={g.minutesLine} />}
        <text className={styles.axis} x={-6} y={6} textAnchor="end">
          {g.maxCalls}
        </text>
        <text className={styles.axis} x={-6} y={H} textAnchor="end">
          0
        </text>
        {g.bars
          .filter((_, i, all) => (all.length - 1 - i) % 2 === 0)
          .map((b) => (
            <text key={b.date} className={styles.axis} x={b.x + b.width / 2} y={H + 14} textAnchor="middle">
              {b.date.slice(5)}
            </text>
          ))}
      </svg>
      <Text size={200} className={styles.legend}>
        Bars: calls per day (up to {g.maxCalls}). Line: minutes on calls per day (up to {g.maxMinutes}). From
        Teams call records, which arrive some minutes after a call ends.
      </Text>
    </Section>
  );
}
