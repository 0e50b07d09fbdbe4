import { DescriptionListDescription, DescriptionListGroup, DescriptionListTerm } from "@patternfly/react-core";
import { Table as PfTable, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";

export const formatDate = (value, locale) =>
  value ? new Date(value).toLocaleDateString(locale, { dateStyle: "medium" }) : "";

export const formatDateTime = (value, locale) =>
  value ? new Date(value).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : "";

/** The text of a per-language map ({"en": ..., "pl": ...}) in the member's language, else English, else any. */
export const localized = (texts, language) => {
  if (!texts || typeof texts === "string") return texts;
  return texts[language] ?? texts[language?.split("-")[0]] ?? texts.en ?? Object.values(texts)[0];
};

export const Field = ({ term, children }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

/**
 * A PatternFly table that turns into labelled rows on a phone (each cell repeats its header). Cells are
 * React nodes: member-typed text is rendered as text, never as HTML.
 */
export const Table = ({ label, headers, rows, testid, rowProps }) => (
  <PfTable aria-label={label} variant="compact" gridBreakPoint="grid-md" data-testid={testid}>
    <Thead><Tr>{headers.map((h) => <Th key={h}>{h}</Th>)}</Tr></Thead>
    <Tbody>
      {rows.map((cells, i) => (
        <Tr key={i} {...(rowProps?.(i) ?? {})}>
          {cells.map((c, j) => <Td key={j} dataLabel={headers[j]}>{c}</Td>)}
        </Tr>
      ))}
    </Tbody>
  </PfTable>
);
