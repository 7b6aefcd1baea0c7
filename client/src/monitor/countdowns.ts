/** The monitor's countdowns: next traffic shift, the ready wait, the termination wait. Pure. */
import { isFinalStatus } from '../explorer/format';
import type { Countdown, MonitorInput } from './model';
import { routingOf } from './traffic';

function countdown(id: Countdown['id'], label: string, endsAt: number, now: number): Countdown {
  return { id, label, endsAt, remainingSeconds: Math.max(0, Math.ceil((endsAt - now) / 1000)) };
}

export function countdowns(input: MonitorInput, nextShiftAt: number | undefined): Countdown[] {
  const { deployment: d, history, now } = input;
  const scale = input.timeScale && input.timeScale > 0 ? input.timeScale : 1;
  const out: Countdown[] = [];
  if (isFinalStatus(d.status)) return out;
  if (nextShiftAt !== undefined) {
    const label =
      routingOf(input.config, d.deploymentConfigName).kind === 'canary'
        ? 'Bake time: rest of the traffic shifts in'
        : 'Next traffic shift in';
    out.push(countdown('nextShift', label, nextShiftAt, now));
  }
  const bg = d.blueGreenDeploymentConfiguration;
  const ready = bg?.deploymentReadyOption;
  if (d.status === 'Ready' && ready?.waitTimeInMinutes && history.readySince !== undefined) {
    const endsAt = history.readySince + (ready.waitTimeInMinutes * 60_000) / scale;
    const label =
      ready.actionOnTimeout === 'STOP_DEPLOYMENT' ? 'Stops unless continued in' : 'Reroutes traffic automatically in';
    out.push(countdown('readyWait', label, endsAt, now));
  }
  const term = bg?.terminateBlueInstancesOnDeploymentSuccess;
  if (
    d.instanceTerminationWaitTimeStarted &&
    term?.action === 'TERMINATE' &&
    history.terminationWaitSince !== undefined
  ) {
    const endsAt = history.terminationWaitSince + ((term.terminationWaitTimeInMinutes ?? 0) * 60_000) / scale;
    out.push(countdown('terminationWait', 'Original environment terminates in', endsAt, now));
  }
  return out;
}
