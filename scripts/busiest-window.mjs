// The most events that fall within any one window of `windowMs`: a rate limit as the receiving server counts it.
// Shared by the bench (which reports it) and the integration test (which holds the limiter to it).

/** @param {number[]} times event times in ms, any order @param {number} windowMs @returns {number} */
export function busiestWindow(times, windowMs) {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  return busiest;
}
