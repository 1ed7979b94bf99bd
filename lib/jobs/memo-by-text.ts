// Text classifiers (status, job type, level) run once per job on a handful of distinct texts; memoizing
// them keeps normalizing 100,000 jobs cheap.

/** Memoizes a text classifier: a CommCell sends a handful of distinct status, type and level texts. */
export function memoByText<T>(classify: (text: string) => T, limit = 1024): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined && !cache.has(text)) {
      result = classify(text);
      if (cache.size < limit) cache.set(text, result);
    }
    return result as T;
  };
}
