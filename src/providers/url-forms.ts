/**
 * URL grammars several providers share, for their descriptors: `name://KEY[?secret=…]` (the robots) and
 * `name://ID:SECRET@AGENTID` (WeCom and DingTalk apps). A provider with its own shape writes it in its descriptor.
 */
import type { UrlGrammar } from './descriptor.js';

/** `name://KEY`, with `?secret=` when the service signs requests. */
export function keyUrl(form: string, what: string, signed: boolean): UrlGrammar {
  return {
    form,
    keys: signed ? ['secret'] : [],
    roles: { tokenHost: true },
    parse(url) {
      url.noUserinfo();
      url.noPath();
      return { ...url.common, token: url.hostToken(what), secret: url.query.get('secret') };
    },
    format(config, url) {
      return {
        address: url.enc(url.need(config.token, 'a token')),
        query: signed ? [['secret', config.secret]] : [],
      };
    },
  };
}

/** `name://ID:SECRET@AGENTID`: an application's credentials and its AgentId (`app-id`). */
export function agentUrl(form: string, first: string, second: string): UrlGrammar {
  return {
    form,
    roles: { hostAfterCredentials: true },
    parse(url) {
      const credentials = url.pair(first, second);
      if (!url.parts.host) url.fail("has no AgentId after '@'");
      url.noPath();
      return { ...url.common, ...credentials, appId: url.parts.host };
    },
    format(config, url) {
      return {
        address: `${url.enc(url.need(config.token, 'a token'))}:${url.enc(url.need(config.secret, 'a secret'))}@${url.enc(url.need(config.appId, 'an AgentId'))}`,
      };
    },
  };
}

/** The https host of an endpoint that is nothing but a host, or undefined (then it travels as ?endpoint=). */
export function bareHttpsHost(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' && (url.pathname === '/' || url.pathname === '') && !url.search
      ? url.host
      : undefined;
  } catch {
    return undefined;
  }
}
