// Every entity the data source knows.
import { AnimationEntity } from './animation.ts';
import { ApiKeyEntity } from './api-key.ts';
import { BatchEntity } from './batch.ts';
import { SessionEntity } from './session.ts';
import { UsageEventEntity } from './usage-event.ts';
import { UserEntity } from './user.ts';
import { WebhookAttemptEntity, WebhookDeliveryEntity } from './webhook-delivery.ts';

export const ENTITIES = [UserEntity, ApiKeyEntity, SessionEntity, BatchEntity, AnimationEntity, UsageEventEntity, WebhookDeliveryEntity, WebhookAttemptEntity];
