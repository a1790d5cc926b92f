/** feishu-app `target`: chats and people by id kind, checked by core (descriptor) and read by the adapter. */
import { ConfigError } from '../../model/errors.js';
import { targetLines } from '../target-lines.js';
import { TARGET_FORM, TARGET_KINDS, type TargetKind } from './descriptor.js';

export interface FeishuAppTarget {
  label: string;
  receiveIdType: string;
  receiveId: string;
}

export function parseTargets(raw: string | undefined): FeishuAppTarget[] {
  return targetLines(raw).map((line) => {
    const colon = line.indexOf(':');
    const kind = (colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '') as TargetKind;
    const id = colon > 0 ? line.slice(colon + 1).trim() : '';
    const spec = Object.hasOwn(TARGET_KINDS, kind) ? TARGET_KINDS[kind] : undefined;
    if (!spec) throw new ConfigError('target', `'${line}' is not a Feishu app target`, TARGET_FORM);
    if (!spec.pattern.test(id))
      throw new ConfigError('target', `'${line}' is not a valid ${kind} id`, `e.g. '${spec.example}'`);
    return { label: `${kind}:${id}`, receiveIdType: spec.type, receiveId: id };
  });
}
