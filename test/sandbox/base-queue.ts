// Mutations run one at a time, so a route's checks (uniqueness, limits) and its
// writes cannot interleave with another request's across an `await` (a real
// MariaDB call, for one). Reads do not wait: they see the state between two
// mutations, as they would on a real service.

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // A failed task must not stop the ones queued after it.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
