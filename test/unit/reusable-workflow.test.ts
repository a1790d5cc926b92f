import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-action.js';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, string>;
}

const CREDENTIALS = ['token', 'secret', 'app-secret', 'urls'];

describe('.github/workflows/notify.yml (workflow_call)', () => {
  it('mirrors every action input: credentials as secrets, the rest as inputs, all passed to the action', async () => {
    const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const workflow = parse(await readFile(join(ROOT, '.github/workflows/notify.yml'), 'utf8')) as {
      on: {
        workflow_call: {
          inputs: Record<string, unknown>;
          secrets: Record<string, unknown>;
          outputs: Record<string, unknown>;
        };
      };
      jobs: { notify: { steps: Step[] } };
    };
    const call = workflow.on.workflow_call;
    const step = workflow.jobs.notify.steps.find((item) => item.id === 'notify')!;
    for (const name of Object.keys(action.inputs)) {
      if (name === 'github-token') {
        // The called workflow's own token (it inherits the caller's permissions); never an input.
        expect(call.inputs, name).not.toHaveProperty(name);
        expect(step.with?.[name]).toBe('${{ github.token }}');
      } else if (CREDENTIALS.includes(name)) {
        expect(call.secrets, name).toHaveProperty(name);
        expect(call.inputs, name).not.toHaveProperty(name);
        expect(step.with?.[name]).toBe(`\${{ secrets.${name} }}`);
      } else {
        expect(call.inputs, name).toHaveProperty(name);
        expect(step.with?.[name]).toBe(`\${{ inputs.${name} }}`);
      }
    }
    for (const name of Object.keys(action.outputs)) expect(call.outputs, name).toHaveProperty(name);
  });
});
