import { DescriptionListDescription, DescriptionListGroup, DescriptionListTerm } from "@patternfly/react-core";

export const formatDate = (value, locale) =>
  value ? new Date(value).toLocaleDateString(locale, { dateStyle: "medium" }) : "";

export const Field = ({ term, children }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

/** A plain PatternFly table: member-typed text is rendered as React text, never as HTML. */
export const Table = ({ label, headers, rows, testid }) => (
  <table className="pf-v5-c-table pf-m-compact pf-m-grid-md" role="grid" aria-label={label} data-testid={testid}>
    <thead><tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
    <tbody>{rows.map((cells, i) => <tr key={i}>{cells.map((c, j) => <td key={j} data-label={headers[j]}>{c}</td>)}</tr>)}</tbody>
  </table>
);
