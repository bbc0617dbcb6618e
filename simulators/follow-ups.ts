/**
 * Follow-ups a party runs after it has answered a message (a JW301 after the 316 of a 315, a
 * 305 after the 302 …). They are counted so that a harness in the same process can wait until
 * they are done, instead of guessing how many timer turns a chain of follow-ups takes.
 */
let pending = 0;

/** Runs `work` a timer turn after the answer (so the answer is out first); counted until it settles. */
export function afterAnswer(work: () => Promise<void>, onError: (e: unknown) => void): void {
  pending++;
  setTimeout(() => {
    work()
      .catch(onError)
      .finally(() => pending--);
  }, 0);
}

/** Follow-ups scheduled in this thread that have not finished. */
export function pendingFollowUps(): number {
  return pending;
}
