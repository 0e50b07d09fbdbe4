package io.kccommunity.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Column;
import jakarta.persistence.Table;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hibernate.annotations.Nationalized;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each text column our entities declare has the size the changelogs create: requests are checked
 * against the entities' lengths, and a longer value than the table takes would fail at every retry.
 */
class ColumnSizesTest {

    @Test
    void entitiesAndChangelogsAgreeOnTextColumns() throws Exception {
        Map<String, String> created = new TreeMap<>();
        Element master = parse("META-INF/community-changelog.xml");
        NodeList includes = master.getElementsByTagName("include");
        for (int i = 0; i < includes.getLength(); i++) {
            Element changelog = parse(((Element) includes.item(i)).getAttribute("file"));
            for (String tag : new String[] {"createTable", "addColumn"}) {
                NodeList tables = changelog.getElementsByTagName(tag);
                for (int t = 0; t < tables.getLength(); t++) {
                    Element table = (Element) tables.item(t);
                    NodeList columns = table.getElementsByTagName("column");
                    for (int c = 0; c < columns.getLength(); c++) {
                        Element column = (Element) columns.item(c);
                        if (column.getAttribute("type").startsWith("VARCHAR") || column.getAttribute("type").equals("NCLOB")) {
                            created.put(table.getAttribute("tableName") + "." + column.getAttribute("name"), column.getAttribute("type"));
                        }
                    }
                }
            }
        }
        Map<String, String> declared = new TreeMap<>();
        for (Class<?> entity : new CommunityEntityProviderFactory().create(null).getEntities()) {
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column != null && (field.getType() == String.class || field.getType().isEnum())) {
                    // unbounded texts (a count, a ballot file) are NCLOB columns, declared as Keycloak declares its own
                    boolean unbounded = field.isAnnotationPresent(Nationalized.class) && column.length() == 255;
                    declared.put(entity.getAnnotation(Table.class).name() + "." + column.name(),
                            unbounded ? "NCLOB" : "VARCHAR(" + column.length() + ")");
                }
            }
        }
        assertEquals(created, declared);
    }

    private static Element parse(String resource) throws Exception {
        try (InputStream in = ColumnSizesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
    }
}
