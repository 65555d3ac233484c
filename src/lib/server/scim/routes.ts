import "server-only";
import { SCIM_CONFIG, SCIM_MAX_COUNT } from "@/lib/domain/scim";
import { scimRoute } from "./handler";
import {
  createScimUser,
  deleteScimUser,
  getScimUser,
  listScimUsers,
  patchScimUser,
  replaceScimUser,
} from "../data/scim-users";
import {
  createScimGroup,
  deleteScimGroup,
  getScimGroup,
  listScimGroups,
  patchScimGroup,
  replaceScimGroup,
} from "../data/scim-groups";

// Every SCIM endpoint (issue 20, docs/decisions/038), each one data-layer call behind scimRoute.
// The route files under src/app/scim/v2 only re-export these.

type Id = { id: string };

export const SCIM_HANDLERS = {
  listUsers: scimRoute(async (c, r) => ({ status: 200, body: await listScimUsers(c, r.query, r.base) })),
  createUser: scimRoute((c, r) => createScimUser(c, r.body, r.base)),
  getUser: scimRoute<Id>(async (c, r) => ({ status: 200, body: await getScimUser(c, r.params.id, r.base) })),
  replaceUser: scimRoute<Id>((c, r) => replaceScimUser(c, r.params.id, r.body, r.base)),
  patchUser: scimRoute<Id>((c, r) => patchScimUser(c, r.params.id, r.body, r.base)),
  deleteUser: scimRoute<Id>((c, r) => deleteScimUser(c, r.params.id)),
  listGroups: scimRoute(async (c, r) => ({ status: 200, body: await listScimGroups(c, r.query, r.base) })),
  createGroup: scimRoute((c, r) => createScimGroup(c, r.body, r.base)),
  getGroup: scimRoute<Id>(async (c, r) => ({ status: 200, body: await getScimGroup(c, r.params.id, r.query, r.base) })),
  replaceGroup: scimRoute<Id>((c, r) => replaceScimGroup(c, r.params.id, r.body, r.base)),
  patchGroup: scimRoute<Id>((c, r) => patchScimGroup(c, r.params.id, r.body, r.base)),
  deleteGroup: scimRoute<Id>((c, r) => deleteScimGroup(c, r.params.id)),
  // RFC 7643 §5: what this service supports, so a provider need not guess.
  serviceProviderConfig: scimRoute(async () => ({
    status: 200,
    body: {
      schemas: [SCIM_CONFIG],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: SCIM_MAX_COUNT },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        {
          type: "oauthbearertoken",
          name: "Bearer token",
          description: "A SCIM token an admin makes on Settings → Provisioning (SCIM).",
          primary: true,
        },
      ],
      meta: { resourceType: "ServiceProviderConfig" },
    },
  })),
};
