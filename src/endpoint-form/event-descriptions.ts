// One line on what each documented event type means, in the editor's words, after Konpro's events
// page and HeyGen's (developers.heygen.com/docs/webhook-events), of which Konpro's is a near copy.
// The catalog itself still comes from `webhook.list`: a type missing here shows its name alone,
// and a description never adds a type. The preflight checks, `batch.finished` and the sample
// types of the update contract have no published meaning, so they have none here.
// Messages of the form's catalogue: the row shows each in the editor's language.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

const DESCRIPTIONS: Readonly<Record<string, MessageDescriptor>> = {
  'avatar_video.success': msg`An avatar video finished rendering and is ready.`,
  'avatar_video.fail': msg`An avatar video failed to render.`,
  'avatar_video_gif.success': msg`The GIF version of an avatar video is ready.`,
  'avatar_video_gif.fail': msg`Making the GIF version of an avatar video failed.`,
  'avatar_video_caption.success': msg`Captions for an avatar video are ready.`,
  'avatar_video_caption.fail': msg`Making captions for an avatar video failed.`,
  'video_translate.success': msg`A translated video is ready.`,
  'video_translate.fail': msg`Translating a video failed.`,
  personalized_video: msg`A personalized video was generated.`,
  'instant_avatar.success': msg`An Instant Avatar was created.`,
  'instant_avatar.fail': msg`Creating an Instant Avatar failed.`,
  'photo_avatar_generation.success': msg`A photo avatar was generated.`,
  'photo_avatar_generation.fail': msg`Generating a photo avatar failed.`,
  'photo_avatar_train.success': msg`Training a photo avatar finished.`,
  'photo_avatar_train.fail': msg`Training a photo avatar failed.`,
  'photo_avatar_add_motion.success': msg`Motion was added to a photo avatar.`,
  'photo_avatar_add_motion.fail': msg`Adding motion to a photo avatar failed.`,
  'proofread_creation.success': msg`A proofreading task finished.`,
  'proofread_creation.fail': msg`A proofreading task failed.`,
  'live_avatar.success': msg`A live avatar session completed.`,
  'live_avatar.fail': msg`A live avatar session failed.`,
  'video_agent.success': msg`A Video Agent session produced its video.`,
  'video_agent.fail': msg`A Video Agent session failed to produce its video.`,
};

/** What `eventType` means, as a message to show in the mount's language; none for an unknown type. */
export function describeEvent(eventType: string): MessageDescriptor | undefined {
  return Object.hasOwn(DESCRIPTIONS, eventType) ? DESCRIPTIONS[eventType] : undefined;
}
