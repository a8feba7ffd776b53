// @devforge/sdk: a typed client for the DevForge API and the webhook signature check. See docs/sdk.md.
export { DevForge, FINISHED } from './client.ts';
export type { Analysis, AnalyzeRequest, Animation, AnimationStatus, Batch, BatchQueued, BatchRequest, ClientOptions, GenerateRequest, OutputFile, ProgressEvent, Queued, RequestOptions, Template, WaitOptions } from './client.ts';
export { DevForgeError, PROBLEM_URN } from './errors.ts';
export type { ProblemType } from './errors.ts';
export { verifyWebhook } from './webhooks.ts';
export type { VerifyOptions } from './webhooks.ts';
export type * from './types.ts';
