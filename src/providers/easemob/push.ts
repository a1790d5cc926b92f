import { isPlainObject } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { renderTitle, type Message } from '../../render/message.js';
import { truncateText } from '../../render/limits.js';
import { toPlainText } from '../../render/markdown.js';
import { parsePlainTemplate, renderPlainSource } from '../../render/liquid.js';
import { templateVariables } from '../../render/template.js';
import { checkTemplate, checkTemplateName, type PushTemplate } from './validation.js';

/** `options.pushTemplate`: which server-side template the offline push uses, with Liquid arguments. */
export interface PushTemplateUse {
  name: string;
  /** Liquid sources (checked to parse); rendered in the message's language and time zone. */
  titleArgs: string[];
  contentArgs: string[];
}

export interface EnsureTemplate extends PushTemplate {
  titleArgs: number;
  contentArgs: number;
}

function parseArgs(value: unknown, input: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' && typeof item !== 'number'))
    throw new ConfigError(input, 'must be a list of strings', "a list such as ['{{ repository }}', '{{ stateText }}']");
  return value.map((item, index) => {
    try {
      parsePlainTemplate(String(item));
      return String(item);
    } catch (error) {
      throw new ConfigError(
        `${input}[${index}]`,
        `does not parse: ${(error as Error).message.split('\n')[0]}`,
        'a Liquid template such as {{ repository }}',
      );
    }
  });
}

export function parseEnsureTemplate(value: unknown): EnsureTemplate | undefined {
  if (value === undefined) return undefined;
  return checkTemplate(value, 'options.ensureTemplate');
}

/**
 * `pushTemplate: name` or `{ name, title_args, content_args }` (camelCase `titleArgs`/`contentArgs` too). The name
 * defaults to `ensureTemplate.name`, and the argument counts are checked against the ensured patterns.
 */
export function parsePushTemplate(value: unknown, ensured: EnsureTemplate | undefined): PushTemplateUse | undefined {
  if (value === undefined || value === null || value === false) {
    return ensured ? { name: ensured.name, titleArgs: [], contentArgs: [] } : undefined;
  }
  const record: Record<string, unknown> =
    typeof value === 'string' ? { name: value } : isPlainObject(value) ? value : {};
  if (typeof value !== 'string' && !isPlainObject(value))
    throw new ConfigError(
      'options.pushTemplate',
      'must be a template name or an object',
      '{ name, title_args, content_args }',
    );
  const name = checkTemplateName(record.name ?? ensured?.name, 'options.pushTemplate.name');
  const titleArgs = parseArgs(record.title_args ?? record.titleArgs, 'options.pushTemplate.title_args');
  const contentArgs = parseArgs(record.content_args ?? record.contentArgs, 'options.pushTemplate.content_args');
  if (ensured && ensured.name === name) {
    if (titleArgs.length < ensured.titleArgs)
      throw new ConfigError(
        'options.pushTemplate.title_args',
        `has ${titleArgs.length} value(s) but title_pattern uses {0}…{${ensured.titleArgs - 1}}`,
        `${ensured.titleArgs} value(s)`,
      );
    if (contentArgs.length < ensured.contentArgs)
      throw new ConfigError(
        'options.pushTemplate.content_args',
        `has ${contentArgs.length} value(s) but content_pattern uses {0}…{${ensured.contentArgs - 1}}`,
        `${ensured.contentArgs} value(s)`,
      );
  }
  return { name, titleArgs, contentArgs };
}

const ARG_LIMIT = { max: 200, unit: 'chars' } as const;

async function renderArgs(
  args: string[],
  variables: Record<string, unknown>,
  input: string,
  message: Message,
): Promise<string[]> {
  return Promise.all(
    args.map(async (source, index) => {
      try {
        const text = await renderPlainSource(source, variables, message.locale, message.timezone);
        return truncateText(text.replace(/\s+/g, ' ').trim(), ARG_LIMIT);
      } catch (error) {
        throw new ConfigError(
          `${input}[${index}]`,
          `does not render: ${(error as Error).message.split('\n')[0]}`,
          'a Liquid template over the CI context, such as {{ repository }}',
        );
      }
    }),
  );
}

export const PUSH_TITLE_LIMIT = { max: 100, unit: 'chars' } as const;
const SUMMARY_LIMIT = { max: 200, unit: 'chars' } as const;

/** A one-paragraph plain-text summary for the lock screen. */
export function pushSummary(message: Message): string {
  const text = toPlainText(message.markdown).replace(/\s+/g, ' ').trim();
  return truncateText(text || message.title, SUMMARY_LIMIT);
}

/** The offline-push part of `ext`: a server template with rendered arguments, or explicit title and content. */
export async function pushExt(message: Message, use: PushTemplateUse | undefined): Promise<Record<string, unknown>> {
  if (use) {
    const variables = templateVariables(message.context, message.locale);
    const [title_args, content_args] = await Promise.all([
      renderArgs(use.titleArgs, variables, 'options.pushTemplate.title_args', message),
      renderArgs(use.contentArgs, variables, 'options.pushTemplate.content_args', message),
    ]);
    return { em_push_template: { name: use.name, title_args, content_args } };
  }
  const title = renderTitle(message, PUSH_TITLE_LIMIT);
  const content = pushSummary(message);
  return {
    em_apns_ext: { em_push_title: title, em_push_content: content },
    em_push_ext: { title, content },
  };
}
