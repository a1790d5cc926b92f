/**
 * Media on the way out: reading the inputs once per run, the install lines every message gets, and what a
 * provider without a media carrier of its own does (links in the body, and a notice naming what was not carried).
 * Loaded only when a message has media.
 */
import type { MediaInputs } from '../model/config.js';
import type { InstallContext } from '../model/context.js';
import type { Logger } from '../transport/types.js';
import { fileNamesMarkdown, imageLinksMarkdown, installMarkdown, type MessageMedia } from '../render/media.js';
import type { Message } from '../render/message.js';
import type { CarriedMedia, PlanEnvironment, ProviderAdapter } from '../providers/types.js';
import { readMedia, type MediaDependencies } from './media.js';
import type { NotifyDependencies } from './notify.js';

/**
 * The message with its media, and the install link (version, build) and QR link in the body for every service,
 * unless the template already shows them (the mobile-build preset links `install.url` itself).
 */
export function withMedia(message: Message, media: MessageMedia): Message {
  const shown = (url: string | undefined) => Boolean(url && message.markdown.includes(`](${url})`));
  const missing: MessageMedia = {
    ...media,
    install: shown(media.install?.url) ? undefined : media.install,
    qr: media.qr && shown(media.qr.link) ? undefined : media.qr,
  };
  const lines = installMarkdown(missing, message.locale);
  return { ...message, media, markdown: lines ? `${message.markdown.trimEnd()}\n\n${lines}` : message.markdown };
}

/** What templates see of the build to install (`{{ install.* }}`), from the media read once for the run. */
export async function installContextOf(
  inputs: MediaInputs,
  run: { deadline: number; now: () => number; logger: Logger; deps: NotifyDependencies },
): Promise<InstallContext | undefined> {
  const media = await readRunMedia(inputs, run);
  const install = media.install;
  const link = install?.url ?? media.qr?.link;
  if (!link) return undefined;
  return {
    url: link,
    source: install?.source ?? 'qr',
    ...(install?.appName ? { appName: install.appName } : {}),
    ...(install?.version ? { version: install.version } : {}),
    ...(install?.build ? { build: install.build } : {}),
    qr: Boolean(media.qr),
  };
}

function readRunMedia(
  inputs: MediaInputs,
  run: { deadline?: number; now: () => number; logger: Pick<Logger, 'info'>; deps: NotifyDependencies },
): Promise<MessageMedia> {
  const { deps } = run;
  return loadMedia(
    inputs,
    {
      root: deps.workspace ?? process.cwd(),
      deadline: run.deadline,
      now: run.now,
      pgyerApiKey: deps.pgyerApiKey,
      pgyerEndpoint: deps.pgyerEndpoint,
      info: (text) => run.logger.info(text),
    },
    deps.media,
  );
}

/** Each run reads its media once, whatever the number of destinations. */
export function loadMedia(
  inputs: MediaInputs,
  deps: MediaDependencies,
  cache?: Map<string, Promise<unknown>>,
): Promise<MessageMedia> {
  const key = `read:${JSON.stringify(inputs)}`;
  const known = cache?.get(key) as Promise<MessageMedia> | undefined;
  if (known) return known;
  const reading = readMedia(inputs, deps);
  cache?.set(key, reading);
  return reading;
}

/**
 * For a service with no way to show an image or a file: images with a URL become links, the others and the files
 * are named in the body, and a warning says what was not carried and how to carry it.
 */
export function linksOnly(displayName: string, message: Message, env: PlanEnvironment): CarriedMedia {
  const media = message.media!;
  const images = [...(media.qr && !media.qr.url ? [] : media.qr ? [media.qr] : []), ...media.images];
  const extra = [imageLinksMarkdown(images, message.locale), fileNamesMarkdown(media.files, message.locale)]
    .filter(Boolean)
    .join('\n\n');
  const local = [...media.images.filter((image) => !image.url), ...media.files].map((item) => item.name);
  if (media.qr && !media.qr.url) local.unshift('the QR code (its link is in the message)');
  if (local.length > 0)
    env.logger.warning(
      `${displayName} cannot show images or files sent from the workspace: ${local.join(', ')} not attached. ` +
        'Give an https image URL (e.g. pgyer buildQRCodeURL through `install`), or use a service that uploads them.',
    );
  return {
    message: extra ? { ...message, markdown: `${message.markdown.trimEnd()}\n\n${extra}` } : message,
    after: [],
  };
}

/** The provider's own carrier, or links and a notice. */
export async function carryMedia(
  adapter: ProviderAdapter<unknown>,
  parsed: unknown,
  message: Message,
  env: PlanEnvironment,
): Promise<CarriedMedia> {
  if (!adapter.media) return linksOnly(adapter.displayName, message, env);
  const carrier = await adapter.media();
  return carrier.carry(parsed, message, env);
}

/**
 * Reads the media (once per run), adds the install lines to the message and lets the provider carry the rest.
 * Every problem with an input is a ConfigError here, before anything is sent.
 */
export async function prepareMedia(
  inputs: MediaInputs,
  message: Message,
  run: { adapter: ProviderAdapter<unknown>; parsed: unknown; env: PlanEnvironment; deps: NotifyDependencies },
): Promise<CarriedMedia> {
  const { env, deps } = run;
  env.secrets.add(deps.pgyerApiKey);
  const media = await readRunMedia(inputs, { deadline: env.deadline, now: env.now, logger: env.logger, deps });
  return carryMedia(run.adapter, run.parsed, withMedia(message, media), env);
}
