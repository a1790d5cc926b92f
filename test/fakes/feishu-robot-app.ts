import { fakeFeishu, type FakeFeishuOptions } from './feishu.js';
import { fakeFeishuApp, type FakeFeishuAppOptions } from './feishu-app.js';
import type { RecordedRequest } from '../helpers/fake-server.js';

/**
 * A Feishu custom robot and a Feishu app of the same tenant behind one address: the robot's hook and the Open
 * Platform API share a host (open.feishu.cn, or open.larksuite.com), so `endpoint` moves both. Hook requests go to
 * the robot stand-in (fakes/feishu.ts); every other path (tenant token, im/v1/images) is forwarded to the app
 * stand-in (fakes/feishu-app.ts), which checks it as Feishu documents it.
 */
export function fakeFeishuRobotWithApp(robot: Omit<FakeFeishuOptions, 'intercept'>, app: FakeFeishuAppOptions) {
  const appServer = fakeFeishuApp(app);
  const forward = (request: RecordedRequest, reply: (status: number, body: unknown) => void): boolean => {
    if (request.path.startsWith('/open-apis/bot/')) return false;
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && !['host', 'content-length'].includes(entry[0]),
      ),
    );
    void fetch(`${appServer.url}${request.path}${request.query.size ? `?${request.query}` : ''}`, {
      method: request.method,
      headers,
      body: request.method === 'GET' ? undefined : new Uint8Array(request.raw),
    })
      .then(async (response) => reply(response.status, await response.json()))
      .catch(() => reply(502, { code: 502, msg: 'app stand-in unreachable' }));
    return true;
  };
  const robotServer = fakeFeishu({ ...robot, intercept: forward });
  const start = robotServer.start.bind(robotServer);
  const stop = robotServer.stop.bind(robotServer);
  return Object.assign(robotServer, {
    app: appServer,
    async start() {
      await appServer.start();
      return start();
    },
    async stop() {
      await stop();
      await appServer.stop();
    },
  });
}
