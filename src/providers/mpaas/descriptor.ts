/**
 * Alibaba Cloud mPaaS push (移动推送): template-less simple push to users or devices of an mPaaS app.
 * API: https://help.aliyun.com/document_detail/2871127.html
 */
import type { ProviderDescriptor } from '../descriptor.js';

export const TARGET_FORM =
  "'user:ID', 'android:DEVICE', 'ios:DEVICE' or 'harmony:DEVICE' (several ids comma-separated, one kind per line)";

export const descriptor: ProviderDescriptor = {
  name: 'mpaas',
  displayName: 'Alibaba Cloud mPaaS push',
  docsPage: 'docs/providers/mpaas.md',
  vendorDocs: 'https://help.aliyun.com/document_detail/2871127.html',
  // The official SDKs' endpoint map sends cn-hangzhou (and every region) to mpaas.aliyuncs.com; the 模板推送
  // document's samples use mpaas.cn-hangzhou.aliyuncs.com. Either can be set with `endpoint`.
  defaultEndpoint: 'https://mpaas.aliyuncs.com',
  credentials: {
    token: { required: true, form: 'the AccessKeyId of a RAM user with mPaaS access' },
    secret: { required: true, form: 'the AccessKeySecret that belongs to `token`' },
    appId: { required: true, form: 'the mPaaS App ID, e.g. ONEX570DA89211721' },
    workspaceId: { required: true, form: 'the mPaaS workspace id, e.g. default' },
  },
  formats: ['text'],
  defaultFormat: 'text',
  target: {
    required: true,
    form: TARGET_FORM,
    loadCheck: async () => {
      const { parseTargets } = await import(/* webpackChunkName: "mpaas" */ './targets.js');
      return (raw) => void parseTargets(raw);
    },
  },
  limits: () => ({ title: { max: 200, unit: 'bytes' }, body: { max: 1536, unit: 'bytes' } }),
  // mPaaS does not publish a per-AccessKey QPS for push; stay well below the gateway's usual API limits.
  rateLimit: { requests: 20, perMs: 1_000 },
  url: {
    form: 'mpaas://ACCESSKEYID:ACCESSKEYSECRET@APPID/WORKSPACEID[?target=user:…]',
    roles: { pathSettings: true, hostAfterCredentials: true },
    parse(url) {
      const credentials = url.pair('AccessKeyId', 'AccessKeySecret');
      if (!url.parts.host) url.fail("has no AppId after '@'");
      if (url.parts.path.length !== 1) url.fail('needs exactly one path segment: the workspace id');
      return { ...url.common, ...credentials, appId: url.parts.host, workspaceId: url.parts.path[0] };
    },
    format(config, url) {
      return {
        address: `${url.enc(url.need(config.token, 'an AccessKeyId'))}:${url.enc(url.need(config.secret, 'an AccessKeySecret'))}@${url.enc(url.need(config.appId, 'an AppId'))}/${url.enc(url.need(config.workspaceId, 'a workspace id'))}`,
      };
    },
  },
  help: 'AccessKeyId + AccessKeySecret, app-id, workspace-id; target user:ID, android:/ios:/harmony:DEVICE',
  example: {
    provider: 'mpaas',
    token: 'LTAIdemo',
    secret: 'demo-secret',
    appId: 'ONEX0000000000000',
    workspaceId: 'default',
    target: 'user:tester',
  },
  load: async () => (await import(/* webpackChunkName: "mpaas" */ './index.js')).mpaas,
};
