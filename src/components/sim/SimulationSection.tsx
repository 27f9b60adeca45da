import { KeepaliveChart } from '../../charts/KeepaliveChart.tsx';
import { LatencyChart } from '../../charts/LatencyChart.tsx';
import { PoolSplitChart } from '../../charts/PoolSplitChart.tsx';
import { SweepChart } from '../../charts/SweepChart.tsx';
import { TimeSeriesChart } from '../../charts/TimeSeriesChart.tsx';
import { SimStatus } from './SimStatus.tsx';

export function SimulationSection() {
  return (
    <section className="card" aria-labelledby="sim-title">
      <h2 id="sim-title">Simulation</h2>
      <SimStatus />
      <div className="charts">
        <SweepChart />
        <TimeSeriesChart />
        <LatencyChart />
        <KeepaliveChart />
        <PoolSplitChart />
      </div>
    </section>
  );
}
