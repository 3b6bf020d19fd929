package io.redux.storage.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redux.domain.model.Conversation;

/** A conversation as read from its file, with the file's whole tree so a rewrite keeps what Redux does not know. */
record StoredConversation(ObjectNode tree, Conversation conversation) {
}
