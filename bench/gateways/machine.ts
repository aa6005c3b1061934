import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * What the benchmark reads from Linux about its processes and cores: CPU pinning (taskset),
 * CPU time (/proc/<pid>/stat), peak resident memory (VmHWM) and how busy each core was
 * (/proc/stat), so a result shows whether the gateway's core was the limit.
 */

const CLOCK_TICKS_PER_SECOND = Number(safe(() => execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim(), '100')) || 100;

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Pins this process and all its threads (and so the children it starts later) to `cpus`, e.g. "0". */
export function pinSelf(cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
}

/** User plus system CPU time of a live process, in milliseconds. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime, stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Peak resident memory of a live process in MiB (VmHWM). */
export function peakRssMiB(pid: number): number {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Busy and total jiffies per core ("cpu0", "cpu1", …) since boot. */
export type CoreTimes = Record<string, { busy: number; total: number }>;

export function coreTimes(): CoreTimes {
  const times: CoreTimes = {};
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const values = match[2].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
    times[match[1]] = { busy: total - values[3] - values[4], total };
  }
  return times;
}

/** Percent busy per core between two readings, e.g. { cpu0: 97, cpu1: 100 }. */
export function coreBusyPercent(before: CoreTimes, after: CoreTimes): Record<string, number> {
  const busy: Record<string, number> = {};
  for (const core of Object.keys(after)) {
    const total = after[core].total - (before[core]?.total ?? 0);
    busy[core] = total > 0 ? Math.round((100 * (after[core].busy - (before[core]?.busy ?? 0))) / total) : 0;
  }
  return busy;
}

/** One line describing the machine, for the report. */
export function machineLine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model?.trim() || 'unknown CPU';
  return `${cpus.length} × ${model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Linux ${os.release()}, Node.js ${process.version}`;
}
