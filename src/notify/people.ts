/**
 * The person responsible: `people` maps GitHub logins to each provider's mention (in that provider's own `target`
 * grammar) and to the e-mail addresses their commits carry; `mention` says whom to look up (the head commit's
 * author, its committer, the actor, the pull request's author) and `mention-on` in which states.
 * Mentions are only ever built from `people` (checked against the provider's grammar here) and `target`, never
 * from event text: a commit message saying "@all" or a login that looks like an id mentions nobody.
 */
import { mentionsEveryone, parseMentions, type MentionKind } from '../providers/mentions.js';
import { descriptors, findDescriptor } from '../providers/registry.js';
import { isPlainObject } from '../model/config.js';
import type { CiContext, ResponsiblePerson } from '../model/context.js';
import { ConfigError, problemOf } from '../model/errors.js';
import { parseOptions } from '../model/options.js';
import {
  DEFAULT_MENTION,
  DEFAULT_MENTION_ON,
  MENTION_ROLES,
  type MentionRole,
  type People,
  type Person,
} from '../model/people.js';

/**
 * Providers that can mention someone (their descriptor says how), with the forms their `target` accepts, found by
 * name or alias in any case; `provider` is the descriptor's own name, under which the person's mentions are kept.
 */
function mentionGrammar(
  key: string,
): { provider: string; name: string; kinds: readonly MentionKind[]; example: string } | undefined {
  const descriptor = findDescriptor(key);
  return descriptor?.mentions
    ? { provider: descriptor.name, name: descriptor.displayName, ...descriptor.mentions }
    : undefined;
}

/** Keys that would reach an object's prototype instead of naming a person, in any case. */
// GitHub logins are letters, digits and single hyphens: `__proto__` (any case) is none, and refused so it can never
// reach an object's prototype. `constructor` or `toString` are login-shaped and are ordinary keys of the
// null-prototype map.
const NOT_A_LOGIN = new Set(['__proto__']);

function mentioningProviders(): string[] {
  return descriptors()
    .filter((descriptor) => descriptor.mentions)
    .map((descriptor) => descriptor.name);
}

export { DEFAULT_MENTION, DEFAULT_MENTION_ON, MENTION_ROLES, type MentionRole, type People, type Person };
// `mention` and `mention-on` are read by every run, so their parsers live with the types in model/people.ts;
// this module is loaded only by a run that maps `people`.

const EXPECTED =
  "a mapping from GitHub login to { emails: [...], dingtalk: '@mobile:…', wecom: '@user:…', feishu: '@user:ou_…' }";

/** What a parse error of `people` shows: a `people` mapping, not the `options` example. */
const PEOPLE_EXAMPLE =
  "a YAML mapping from GitHub login to mentions and e-mails, e.g. octocat: { dingtalk: '@mobile:13800000000', emails: [octocat@example.com] }";

function stringList(value: unknown, where: string, expected: string): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (typeof item !== 'string' && typeof item !== 'number')
      throw new ConfigError('people', `${where} is not text`, expected);
    return String(item).trim();
  });
}

/** Checks one person's entry; errors name `people`, the login and the form expected. */
function readPerson(login: string, value: unknown): Person {
  if (!isPlainObject(value)) throw new ConfigError('people', `'${login}' is not a mapping`, EXPECTED);
  const person: Person = { emails: [], names: [], mentions: Object.create(null) as Person['mentions'] };
  for (const [given, item] of Object.entries(value)) {
    const key = given.toLowerCase();
    if (key === 'emails' || key === 'email') {
      person.emails.push(...stringList(item, `'${login}'.${key}`, 'a list of e-mail addresses').map(lower));
      continue;
    }
    if (key === 'names' || key === 'name') {
      person.names.push(...stringList(item, `'${login}'.${key}`, 'a list of commit author names'));
      continue;
    }
    const grammar = mentionGrammar(key);
    if (!grammar)
      throw new ConfigError(
        'people',
        `'${login}' has an unknown key '${given}'`,
        `emails, names, or a provider that can mention: ${mentioningProviders().join(', ')}`,
      );
    const mentions = stringList(item, `'${login}'.${given}`, grammar.example);
    // A person is one person: a mention of everyone (`@all`, or a user id the service reads as all) comes only
    // from `target`, where whoever configures the step asks for it.
    const everyone = mentions.find(mentionsEveryone);
    if (everyone !== undefined)
      throw new ConfigError(
        'people',
        `'${login}'.${given}: '${everyone.slice(0, 80)}' would mention everyone, not one person`,
        `${grammar.example}; to mention everyone, put '@all' in \`target\``,
      );
    try {
      parseMentions(mentions.join('\n'), grammar.name, grammar.kinds);
    } catch (error) {
      throw new ConfigError('people', `'${login}'.${given}: ${problemOf(error)}`, grammar.example);
    }
    if (person.mentions[grammar.provider])
      throw new ConfigError('people', `'${login}' maps ${grammar.name} twice ('${given}')`, 'one key per provider');
    person.mentions[grammar.provider] = mentions;
  }
  return person;
}

function lower(text: string): string {
  return text.toLowerCase();
}

/**
 * `people`: inline YAML or JSON, or `file:PATH` read through `readFile` (the workspace reader, with its checks).
 * Empty: nobody is mapped.
 */
export async function loadPeople(
  raw: string | undefined,
  readFile?: (path: string) => Promise<string>,
): Promise<People | undefined> {
  let text = raw?.trim();
  if (!text) return undefined;
  if (text.startsWith('file:')) {
    const path = text.slice(5).trim();
    if (!path) throw new ConfigError('people', 'file: needs a path', "'file:.github/people.yml'");
    if (!readFile) throw new ConfigError('people', 'files cannot be read here');
    try {
      text = await readFile(path);
    } catch (error) {
      if (error instanceof ConfigError) throw new ConfigError('people', problemOf(error), 'a file in the workspace');
      // Most often the step runs before the checkout: say so instead of ENOENT.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ConfigError(
          'people',
          `'${path}' does not exist in the workspace`,
          'a file in the repository checkout: is the repository checked out (actions/checkout) before this step?',
        );
      throw new ConfigError('people', `cannot read '${path}' (${(error as Error).message})`, 'a file in the workspace');
    }
  }
  const mapping = await parseOptions(text, 'people', PEOPLE_EXAMPLE);
  // No prototype: a login is only ever an own key, whatever it is called.
  const people: People = Object.create(null) as People;
  for (const [login, value] of Object.entries(mapping)) {
    const key = login.toLowerCase();
    // Logins compare case-insensitively, so `__PROTO__` is `__proto__`: refused, as no GitHub login looks like it.
    if (NOT_A_LOGIN.has(key)) throw new ConfigError('people', `'${login}' is not a GitHub login`, EXPECTED);
    if (Object.hasOwn(people, key))
      throw new ConfigError('people', `'${login}' is given twice (logins compare in any case)`, EXPECTED);
    people[key] = readPerson(login, value);
  }
  return people;
}

/** `Name <mail@host>` (GitLab's CI_COMMIT_AUTHOR) → name and address, without a regular expression. */
function splitAuthor(text: string | undefined): { name?: string; email?: string } {
  if (!text) return {};
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  if (open < 0 || close < open || !text.slice(open + 1, close).includes('@')) return { name: text.trim() };
  return { name: text.slice(0, open).trim() || undefined, email: text.slice(open + 1, close).trim() };
}

interface Identity {
  login?: string;
  name?: string;
  email?: string;
}

function identities(context: CiContext, roles: readonly MentionRole[]): Identity[] {
  const commit = context.commit;
  const out: Identity[] = [];
  for (const role of roles) {
    if (role === 'author' && commit && (commit.authorLogin || commit.author || commit.authorEmail))
      out.push({
        login: commit.authorLogin,
        name: splitAuthor(commit.author).name,
        email: commit.authorEmail ?? splitAuthor(commit.author).email,
      });
    if (role === 'committer' && commit && (commit.committerLogin || commit.committer || commit.committerEmail))
      out.push({ login: commit.committerLogin, name: commit.committer, email: commit.committerEmail });
    if (role === 'actor' && context.actor) out.push({ login: context.actor });
    if (role === 'pr-author' && context.pullRequest?.author) out.push({ login: context.pullRequest.author });
  }
  return out;
}

function findPerson(people: People, who: Identity): [string, Person] | undefined {
  if (who.login) {
    const login = who.login.toLowerCase();
    if (Object.hasOwn(people, login)) return [login, people[login]!];
  }
  const email = who.email?.toLowerCase();
  const name = who.name?.trim().toLowerCase();
  for (const [login, person] of Object.entries(people)) {
    if (email && person.emails.includes(email)) return [login, person];
    if (name && (login === name || person.names.some((item) => item.toLowerCase() === name))) return [login, person];
  }
  return undefined;
}

export interface Responsible {
  /** Shown in the message, in order, each once. */
  people: ResponsiblePerson[];
  /** Mentions for this provider, in its `target` grammar, each once. */
  mentions: string[];
}

/**
 * Who is responsible for this run and how `provider` mentions them. People not in `people` are listed by login
 * (or name) and mentioned nowhere; a person reached through two roles appears once.
 */
export function responsibleFor(
  context: CiContext,
  people: People | undefined,
  roles: readonly MentionRole[],
  provider: string,
): Responsible {
  const shown = new Map<string, ResponsiblePerson>();
  const mentions: string[] = [];
  for (const who of identities(context, roles)) {
    const found = people ? findPerson(people, who) : undefined;
    const login = found?.[0] ?? who.login ?? who.name;
    if (!login) continue;
    const key = login.toLowerCase();
    if (shown.has(key)) continue;
    const own = found?.[1].mentions[findDescriptor(provider)?.name ?? provider] ?? [];
    shown.set(key, { login: found ? (who.login ?? found[0]) : login, mentioned: own.length > 0 });
    for (const mention of own) if (!mentions.includes(mention)) mentions.push(mention);
  }
  return { people: [...shown.values()], mentions };
}
