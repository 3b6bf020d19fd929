package io.redux.cli.conversations;

import io.redux.domain.error.ConversationAlreadyExistsException;
import io.redux.domain.error.ConversationNotFoundException;
import io.redux.domain.error.ConversationsFolderException;
import io.redux.domain.error.ReduxException;
import io.redux.domain.model.Conversation;
import io.redux.domain.model.ConversationListing;
import io.redux.domain.model.ConversationSummary;
import io.redux.domain.port.ConversationRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies every conversation of one store into another, never replacing what is newer there: a conversation missing
 * from the target is created; one the target holds is brought up to date only when the source continues it (the
 * target's messages are the first messages of the source's); one that is the same, newer or different there is left
 * as it is. Run again, it copies nothing more.
 */
final class ConversationCopier {

    /** What one run did. @param problems one line per conversation that could not be copied */
    record Outcome(int copied, int skipped, List<String> problems) {
        int failed() {
            return problems.size();
        }
    }

    private ConversationCopier() {
    }

    static Outcome copy(ConversationRepository source, ConversationRepository target) {
        ConversationListing listing = source.list();
        int copied = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        listing.unreadable().forEach(unreadable -> problems.add(unreadable.location() + ": " + unreadable.reason()));
        for (ConversationSummary summary : listing.conversations()) {
            try {
                Optional<Conversation> conversation = source.find(summary.id());
                if (conversation.isEmpty()) {
                    continue;
                }
                if (copyOne(conversation.get(), target)) {
                    copied++;
                } else {
                    skipped++;
                }
            } catch (ConversationsFolderException e) {
                // The store as a whole (a missing bucket, access denied, an unreachable endpoint): every other
                // conversation would fail the same way, so it is one line, not one per conversation.
                throw e;
            } catch (ReduxException e) {
                problems.add(summary.id() + ": " + e.getMessage());
            }
        }
        return new Outcome(copied, skipped, List.copyOf(problems));
    }

    /** @return whether the target changed */
    private static boolean copyOne(Conversation conversation, ConversationRepository target) {
        try {
            target.create(conversation);
            return true;
        } catch (ConversationAlreadyExistsException e) {
            // Held there already: compared below.
        }
        Optional<Conversation> held = target.find(conversation.id());
        if (held.isEmpty() || !continues(conversation, held.get())) {
            return false;
        }
        // Compared again on the target's latest state, which may have moved on since.
        boolean[] changed = {false};
        try {
            target.update(conversation.id(), there -> {
                changed[0] = continues(conversation, there);
                return changed[0] ? conversation : there;
            });
        } catch (ConversationNotFoundException e) {
            // Deleted there meanwhile: a deletion is newer than the copy.
        }
        return changed[0];
    }

    /** Whether {@code source} holds every message of {@code there}, in order, and more. */
    private static boolean continues(Conversation source, Conversation there) {
        int held = there.messages().size();
        return source.messages().size() > held && source.messages().subList(0, held).equals(there.messages());
    }
}
