// Calls the community REST API as the signed-in member, with the Account Console's own token.
import { useEnvironment } from "@keycloak/keycloak-account-ui";
import { useMemo } from "react";

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error_description || body?.error || `HTTP ${status}`);
    this.status = status;
    this.error = body?.error;
  }
}

export function useCommunityApi() {
  const { environment, keycloak } = useEnvironment();
  return useMemo(() => {
    const base = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/community`;
    const call = async (method, path, body) => {
      await keycloak.updateToken(5);
      const response = await fetch(base + path, {
        method,
        headers: {
          Authorization: `Bearer ${keycloak.token}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const json = text ? JSON.parse(text) : null;
      if (!response.ok) throw new ApiError(response.status, json);
      return json;
    };
    return {
      get: (path) => call("GET", path),
      post: (path, body) => call("POST", path, body ?? {}),
      put: (path, body) => call("PUT", path, body),
      remove: (path) => call("DELETE", path),
    };
  }, [environment, keycloak]);
}
