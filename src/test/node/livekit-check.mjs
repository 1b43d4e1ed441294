// LiveKit's own server SDK judges roomgate's LiveKit tokens, webhooks and Twirp bodies.
// Reads a JSON array of requests on stdin and writes one JSON array of answers, in order.
import { createHash } from 'node:crypto';
import { AccessToken, TokenVerifier, WebhookReceiver } from 'livekit-server-sdk';
import { CreateRoomRequest, DeleteRoomRequest, RoomParticipantIdentity, UpdateParticipantRequest,
  ListParticipantsRequest, ListRoomsRequest } from '@livekit/protocol';
import * as jose from 'jose';

const twirpTypes = { CreateRoom: CreateRoomRequest, DeleteRoom: DeleteRoomRequest,
  RemoveParticipant: RoomParticipantIdentity, UpdateParticipant: UpdateParticipantRequest,
  ListParticipants: ListParticipantsRequest, ListRooms: ListRoomsRequest };

const ops = {
  // TokenVerifier: HS256/384/512 with the secret, iss = api key, exp required, 10 s tolerance.
  async verifyToken({ token, apiKey, apiSecret }) {
    return { claims: await new TokenVerifier(apiKey, apiSecret).verify(token) };
  },
  async receiveWebhook({ body, auth, apiKey, apiSecret }) {
    const event = await new WebhookReceiver(apiKey, apiSecret).receive(body, auth);
    return { event: event.event, room: event.room?.name ?? '', identity: event.participant?.identity ?? '' };
  },
  // Signs a webhook the way the LiveKit server does: an AccessToken carrying the body's sha256.
  async signWebhook({ body, apiKey, apiSecret, ttl }) {
    const at = new AccessToken(apiKey, apiSecret, { ttl: ttl ?? '5m' });
    at.sha256 = createHash('sha256').update(body).digest('base64');
    return { auth: await at.toJwt() };
  },
  // A JWT no LiveKit server would sign (another alg, no exp), to show what roomgate refuses.
  async signRaw({ payload, alg, secret }) {
    const jwt = new jose.SignJWT(payload).setProtectedHeader({ alg });
    return { token: await jwt.sign(new TextEncoder().encode(secret)) };
  },
  // The protocol's strict protojson parser: an unknown field or a wrong type throws.
  async parseTwirp({ method, json }) {
    return { json: twirpTypes[method].fromJsonString(json).toJson() };
  },
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const answers = [];
for (const request of JSON.parse(input)) {
  try {
    answers.push({ ok: true, ...(await ops[request.op](request)) });
  } catch (e) {
    answers.push({ ok: false, error: String(e?.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(answers));
