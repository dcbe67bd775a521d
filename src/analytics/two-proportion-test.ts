/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/** Successes out of trials in one sample: people who took the next step out of those who reached this one. */
export type Proportion = { successes: number; trials: number };

export type Interval = { low: number; high: number };

export type TwoProportionTest = {
  /** B's share minus A's share, as a fraction (0.15 = +15 percentage points). */
  difference: number;
  /** Newcombe's 95 % interval for the difference (hybrid score, from the two Wilson intervals). */
  interval: Interval;
  /** Pooled two-proportion z statistic (B − A). */
  z: number;
  /** Two-sided p-value of the z-test; 1 when both samples are all successes or all failures. */
  pValue: number;
};

/**
 * The standard normal CDF Φ(x), via the Abramowitz–Stegun 7.1.26 approximation of erf
 * (absolute error below 1.5e-7, so Φ(0) is 0.5 − 5e-10): plenty for p-values, and no statistics dependency.
 * @example normalCdf(1.959964) → 0.975
 */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Wilson's score interval for one proportion: unlike the Wald interval it stays inside [0, 1]
 * and keeps its coverage for small samples and shares near 0 or 1.
 */
export function wilsonInterval({ successes, trials }: Proportion, z = Z_95): Interval {
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Compares B with A: the difference of the shares with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10) and the pooled two-proportion z-test. Both samples need trials > 0.
 * @example twoProportionTest({ successes: 50, trials: 200 }, { successes: 80, trials: 200 })
 *   → difference 0.15, interval ≈ [0.06, 0.24], pValue ≈ 0.0014
 */
export function twoProportionTest(a: Proportion, b: Proportion): TwoProportionTest {
  const pA = a.successes / a.trials;
  const pB = b.successes / b.trials;
  const difference = pB - pA;
  const wilsonA = wilsonInterval(a);
  const wilsonB = wilsonInterval(b);
  const interval = {
    low: difference - Math.sqrt((pB - wilsonB.low) ** 2 + (wilsonA.high - pA) ** 2),
    high: difference + Math.sqrt((wilsonB.high - pB) ** 2 + (pA - wilsonA.low) ** 2),
  };
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  // Both samples all-success or all-failure: no variance, and nothing suggests a difference.
  if (standardError === 0) return { difference, interval, z: 0, pValue: 1 };
  const z = difference / standardError;
  return { difference, interval, z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}
