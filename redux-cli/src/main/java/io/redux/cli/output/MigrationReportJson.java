package io.redux.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.port.MigrationReport;
import io.redux.domain.port.RowReport;

/**
 * The report as JSON, for {@code conversations migrate --json}; field names are snake_case like the file format.
 * Written by {@link Json}, as every JSON output of the CLI.
 */
public final class MigrationReportJson {

    private MigrationReportJson() {
    }

    public static String render(MigrationReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("source_file", report.sourceFile().toString());
        root.put("source", report.source());
        root.put("dry_run", report.dryRun());
        root.put("found", report.found());
        root.put("migrated", report.migrated());
        root.put("updated", report.updated());
        root.put("unchanged", report.unchanged());
        root.put("skipped", report.skipped());
        root.put("failed", report.failed());
        root.put("repairs", report.repairs());
        root.put("images_replaced", report.imagesReplaced());
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        ArrayNode rows = root.putArray("rows");
        for (RowReport row : report.rows()) {
            ObjectNode node = rows.addObject();
            node.put("table", row.table());
            node.put("key", row.key());
            node.put("source_conversation_id", row.sourceConversationId());
            node.put("conversation_id", row.conversationId() == null ? null : row.conversationId().toString());
            node.put("outcome", row.outcome().wireName());
            node.put("reason", row.reason());
            node.put("messages", row.messages());
            node.put("repairs", row.repairs());
            node.put("images_replaced", row.imagesReplaced());
        }
        return Json.write(root);
    }
}
