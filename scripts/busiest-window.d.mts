export function busiestWindow(times: number[], windowMs: number): number;
