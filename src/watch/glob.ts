/**
 * Globs for the routing file: `*` is any text without a slash, `**` any text (slashes too), `?` one character
 * other than a slash, `{a,b}` either word. Matching ignores case: GitHub owner and repository names,
 * like branch protection patterns users know, are case-insensitive. Everything else is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        source += '.*';
        index++;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const close = glob.indexOf('}', index);
      if (close < 0) source += '\\{';
      else {
        source += `(?:${glob
          .slice(index + 1, close)
          .split(',')
          .map((word) => globToRegExp(word).source.slice(1, -1))
          .join('|')})`;
        index = close;
      }
    } else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** True when `value` matches one of the globs; an absent list matches everything. */
export function matchesAny(globs: readonly string[] | undefined, value: string | undefined): boolean {
  if (!globs || globs.length === 0) return true;
  if (value === undefined) return false;
  return globs.some((glob) => globToRegExp(glob).test(value));
}
