// The community's name, for the header and the browser tab ("Bakers' Circle · Account Management").
import { usePromise } from "@keycloak/keycloak-account-ui";
import { useState } from "react";
import { useCommunityApi } from "../community/api.js";

export function useCommunityName() {
  const api = useCommunityApi();
  const [name, setName] = useState();
  usePromise(() => api.get("/me").then((me) => me.community?.name || null).catch(() => null), (value) => {
    setName(value);
    const base = document.title.split(" \u00b7 ").pop();
    document.title = value ? `${value} \u00b7 ${base}` : base;
  });
  return name;
}
