/**
 * What the action's bundle gets instead of linkify-it (tsconfig.json `paths`, which ncc applies when it bundles;
 * tsc, vitest and the npm package keep the real one). markdown-it imports linkify-it and builds an instance for
 * its `linkify` option, which ci-notifier leaves off: bare URLs are linked by md-tokens.ts. linkify-it was 11 KB
 * of the action's entry file, which every run reads and compiles (docs/performance.md). The methods throw, so a
 * parser that ever turned `linkify` on would fail loudly instead of leaving addresses unlinked.
 */
export class LinkifyIt {
  test(): never {
    return unavailable();
  }

  match(): never {
    return unavailable();
  }

  matchAtStart(): never {
    return unavailable();
  }
}

function unavailable(): never {
  throw new Error("linkify-it is not bundled: markdown-it's `linkify` option must stay off (src/render/no-linkify.ts)");
}
