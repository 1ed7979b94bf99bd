// Work derived from one cache answer (a sorted selection, a wall summary), kept per answer and key. It hangs
// off the answer it was made from: when the cache lets an answer go, what was made from it goes too,
// instead of keeping a superseded 100,000-job answer alive. At most `limit` keys per answer, oldest out.

export interface AnswerMemo<T> {
  /** The kept value for (answer, key) if `reuse` accepts it, else a new one from `make`. */
  get(answer: object, key: string, make: () => T, reuse?: (kept: T) => boolean): T;
}

export function answerMemo<T>(limit: number): AnswerMemo<T> {
  const byAnswer = new WeakMap<object, Map<string, T>>();
  return {
    get(answer, key, make, reuse = () => true) {
      let byKey = byAnswer.get(answer);
      if (!byKey) {
        byKey = new Map();
        byAnswer.set(answer, byKey);
      }
      const kept = byKey.get(key);
      if (kept !== undefined && reuse(kept)) return kept;
      const value = make();
      // Re-inserted, so a remade key counts as the newest.
      byKey.delete(key);
      byKey.set(key, value);
      if (byKey.size > limit) byKey.delete(byKey.keys().next().value as string);
      return value;
    },
  };
}
