// What Linux says about a process: CPU time (utime + stime) and resident memory (VmRSS).
import { readFileSync } from "node:fs"
import { execFileSync } from "node:child_process"

const clockTicks = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100
  } catch {
    return 100
  }
})()

/** User + system CPU time the process has used so far, in ms (resolution 1000 / CLK_TCK ms). */
export const cpuMs = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
  // Fields after the command name, which may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  const utime = Number(fields[11]),
    stime = Number(fields[12])
  return ((utime + stime) * 1000) / clockTicks
}

/** Resident set size in MiB. */
export const rssMiB = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN)
  return kb / 1024
}
