/**
 * Copies a JSON-like value without recursion. Replies come from servers we do not control: a 20,000-deep array
 * parses fine (V8's JSON.parse is iterative) but overflows the stack of any recursive walk after it (redaction,
 * JSON.stringify for the `response` output). Walking with an explicit stack, and cutting what lies deeper than
 * `maxDepth`, keeps every later step bounded.
 */

/** What stands in for a container nested deeper than the limit. */
export const TOO_DEEP = '[nested too deep]';

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Own enumerable entries; arrays by index. */
function entriesOf(value: Container): [string, unknown][] {
  return Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
}

function shellOf(value: Container): Container {
  return Array.isArray(value) ? [] : {};
}

/** Assigns as an own data property: a `__proto__` key from a reply must stay a key, never become a prototype. */
function put(target: Container, key: string, item: unknown): void {
  Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
}

/**
 * A deep copy of `value` with `leaf` applied to every non-container, and every container deeper than
 * `maxDepth` (the root is depth 1) replaced by {@link TOO_DEEP}. Cycles end at the depth limit too.
 */
export function mapJson(value: unknown, leaf: (item: unknown) => unknown, maxDepth: number): unknown {
  if (!isContainer(value)) return leaf(value);
  const root = shellOf(value);
  const stack: [Container, Container, number][] = [[value, root, 1]];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const [source, target, depth] = frame;
    for (const [key, item] of entriesOf(source)) {
      if (!isContainer(item)) put(target, key, leaf(item));
      else if (depth >= maxDepth) put(target, key, TOO_DEEP);
      else {
        const shell = shellOf(item);
        put(target, key, shell);
        stack.push([item, shell, depth + 1]);
      }
    }
  }
  return root;
}

/** How deep `value` nests (a scalar is 0), counting no further than `limit + 1`; iterative. */
export function depthOf(value: unknown, limit: number): number {
  if (!isContainer(value)) return 0;
  let deepest = 1;
  const stack: [Container, number][] = [[value, 1]];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const [container, depth] = frame;
    deepest = Math.max(deepest, depth);
    if (depth > limit) return deepest;
    for (const item of Array.isArray(container) ? container : Object.values(container)) {
      if (isContainer(item)) stack.push([item, depth + 1]);
    }
  }
  return deepest;
}

/** `value` itself when it nests no deeper than `maxDepth`, else a copy cut at that depth. */
export function boundDepth<T>(value: T, maxDepth: number): T {
  return (depthOf(value, maxDepth) <= maxDepth ? value : mapJson(value, (item) => item, maxDepth)) as T;
}
