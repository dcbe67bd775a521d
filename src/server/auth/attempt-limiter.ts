import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../../domain/errors.js";

/**
 * Everything a guesser could try over and over: passwords, invitation and share-link tokens; and
 * invitation emails, which a stolen owner session could otherwise send to anyone, without end.
 */
export type AttemptKind =
  | "sign-in"
  | "sign-up"
  | "setup"
  | "password-change"
  | "invitation"
  | "shared-link"
  | "invitation-email";

interface AttemptLimit {
  /** Attempts one client address may make per window (generous: an office shares one address). */
  perAddress: number;
  /** Attempts at one account, invitation or link per window, from anywhere. */
  perSubject: number;
  windowSeconds: number;
}

const MINUTES = 60;

export const ATTEMPT_LIMITS: Record<AttemptKind, AttemptLimit> = {
  "sign-in": { perAddress: 100, perSubject: 10, windowSeconds: 15 * MINUTES },
  "sign-up": { perAddress: 30, perSubject: 10, windowSeconds: 15 * MINUTES },
  setup: { perAddress: 10, perSubject: 10, windowSeconds: 15 * MINUTES },
  "password-change": { perAddress: 100, perSubject: 10, windowSeconds: 15 * MINUTES },
  invitation: { perAddress: 60, perSubject: 20, windowSeconds: 15 * MINUTES },
  "shared-link": { perAddress: 100, perSubject: 20, windowSeconds: 15 * MINUTES },
  /** Per inviting user: a team's whole onboarding fits, a spam run does not. */
  "invitation-email": { perAddress: 100, perSubject: 50, windowSeconds: 60 * MINUTES },
};

interface Limiters {
  byAddress: RateLimiterMemory;
  bySubject: RateLimiterMemory;
}

/**
 * Counts attempts in memory, per client address and per subject (an email, a token's hash), and refuses
 * with RateLimitedError (429, Retry-After) once either runs out. One instance per server.
 */
export class AttemptLimiter {
  private readonly limiters = new Map<AttemptKind, Limiters>();

  constructor(limits: Record<AttemptKind, AttemptLimit> = ATTEMPT_LIMITS) {
    for (const [kind, limit] of Object.entries(limits) as Array<[AttemptKind, AttemptLimit]>) {
      this.limiters.set(kind, {
        byAddress: new RateLimiterMemory({
          keyPrefix: `${kind}:address`,
          points: limit.perAddress,
          duration: limit.windowSeconds,
        }),
        bySubject: new RateLimiterMemory({
          keyPrefix: `${kind}:subject`,
          points: limit.perSubject,
          duration: limit.windowSeconds,
        }),
      });
    }
  }

  /** Counts one attempt; throws RateLimitedError when the address or the subject has used up its window. */
  async consume(kind: AttemptKind, address: string, subject?: string): Promise<void> {
    const { byAddress, bySubject } = this.limitersOf(kind);
    await spend(byAddress, address);
    if (subject !== undefined) await spend(bySubject, subject);
  }

  /** Clears a subject's count after a success, so an owner who mistyped a few times is not locked out later. */
  async forgive(kind: AttemptKind, subject: string): Promise<void> {
    await this.limitersOf(kind).bySubject.delete(subject);
  }

  /**
   * Gives the address back the attempt that just succeeded, so only failures (guesses) use up its window:
   * a team signing up or opening real links from one office address is never slowed down.
   */
  async refund(kind: AttemptKind, address: string): Promise<void> {
    await this.limitersOf(kind).byAddress.reward(address, 1);
  }

  private limitersOf(kind: AttemptKind): Limiters {
    const limiters = this.limiters.get(kind);
    if (!limiters) throw new Error(`no attempt limit for ${kind}`);
    return limiters;
  }
}

async function spend(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw new RateLimitedError(refusal.msBeforeNext / 1000);
    throw refusal;
  }
}
