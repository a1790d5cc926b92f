// env-ci ships no type declarations; this is the part of its documented result ci-notifier reads.
declare module 'env-ci' {
  export interface EnvCiResult {
    isCi: boolean;
    name?: string;
    service?: string;
    commit?: string;
    tag?: string;
    build?: string;
    buildUrl?: string;
    job?: string;
    jobUrl?: string;
    branch?: string;
    pr?: string;
    isPr?: boolean;
    prBranch?: string;
    slug?: string;
    root?: string;
  }
  export default function envCi(options?: { env?: Record<string, string | undefined>; cwd?: string }): EnvCiResult;
}
