/**
 * The job that sends a stored reply out through its channel. The inbox queues it; the channels
 * domain registers the handler under this name (the two meet by name, not by import).
 */
import { Type } from 'typebox';
import type { JobTarget } from '../platform/jobs/job.js';
import { Uuid } from '../platform/http/schemas.js';

export const DELIVER_REPLY_JOB = 'channels.deliver-reply';

export const DeliverReplyPayload = Type.Object({ messageId: Uuid }, { additionalProperties: false });

export const deliverReplyJob: JobTarget = { name: DELIVER_REPLY_JOB, payload: DeliverReplyPayload };
