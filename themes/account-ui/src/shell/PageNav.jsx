// Keycloak's Account Console menu (the theme's content.json), on the PatternFly our page uses (see Header.jsx).
import { useEnvironment, usePromise } from "@keycloak/keycloak-account-ui";
import { Nav, NavExpandable, NavItem, NavList, PageContext, PageSidebar, PageSidebarBody } from "@patternfly/react-core";
import { useContext, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, useHref, useLinkClickHandler, useLocation } from "react-router-dom";

const fullPath = (path, baseUrl) => `${new URL(baseUrl).pathname}${path}`;

const matches = (pathname, item, baseUrl) =>
  "path" in item ? !!matchPath(fullPath(item.path, baseUrl), pathname) : item.children.some((c) => matches(pathname, c, baseUrl));

const visible = (features) => (item) => !item.isVisible || features[item.isVisible];

export const PageNav = () => {
  const { environment } = useEnvironment();
  const [items, setItems] = useState([]);
  usePromise((signal) => fetch(`${environment.resourceUrl.replace(/\/$/, "")}/content.json`, { signal }).then((r) => r.json()),
    setItems);
  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav>
          <NavList>
            {items.filter(visible(environment.features)).map((item) => <MenuItem key={item.label} item={item} />)}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};

const MenuItem = ({ item }) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment();
  const { pathname } = useLocation();
  const isActive = useMemo(() => matches(pathname, item, environment.baseUrl), [pathname, item, environment.baseUrl]);
  if ("path" in item) {
    return <NavLink path={item.path} isActive={isActive}>{t(item.label)}</NavLink>;
  }
  return (
    <NavExpandable data-testid={item.label} title={t(item.label)} isActive={isActive} isExpanded={isActive}>
      {item.children.filter(visible(environment.features)).map((child) => <MenuItem key={child.label} item={child} />)}
    </NavExpandable>
  );
};

const NavLink = ({ path, isActive, children }) => {
  const { environment } = useEnvironment();
  const target = fullPath(path, environment.baseUrl) + location.search;
  const href = useHref(target);
  const navigate = useLinkClickHandler(target);
  const { isSidebarOpen, onSidebarToggle } = useContext(PageContext);
  const onClick = (event) => {
    navigate(event);
    // on a phone the menu covers the page: it closes once the member picked a page (PatternFly's mobile width)
    if (isSidebarOpen && window.innerWidth < 1200) onSidebarToggle();
  };
  return <NavItem data-testid={path} to={href} isActive={isActive} onClick={onClick}>{children}</NavItem>;
};
