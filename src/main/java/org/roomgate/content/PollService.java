package org.roomgate.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.roomgate.consent.Capability;
import org.roomgate.content.ContentDtos.PollRequest;
import org.roomgate.content.ContentDtos.PollView;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/** Polls: a moderator asks, participants with the POLLS capability answer once each. */
@ApplicationScoped
@Transactional
public class PollService {

    private final ContentAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    PollService(ContentAccess access, ObjectMapper json, Clock clock) {
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    public PollView create(UUID roomId, PollRequest request) {
        ContentScope scope = access.contribute(roomId, Capability.MODERATE);
        List<String> options = request.options().stream().map(String::strip).toList();
        Poll poll = new Poll();
        poll.id = UUID.randomUUID();
        poll.roomId = roomId;
        poll.participationId = scope.me().id();
        poll.question = scope.seal(request.question().strip().getBytes(StandardCharsets.UTF_8));
        poll.options = scope.seal(write(options));
        poll.optionCount = options.size();
        poll.createdAt = clock.instant();
        poll.persist();
        return view(scope, poll, List.of());
    }

    /** Records the caller's vote; a second vote by the same participant is a conflict. */
    public PollView vote(UUID roomId, UUID pollId, int option) {
        ContentScope scope = access.contribute(roomId, Capability.POLLS);
        Poll poll = requirePoll(roomId, pollId);
        if (option >= poll.optionCount) {
            throw DomainException.invalid("option", "must be between 0 and " + (poll.optionCount - 1));
        }
        PollVote.Key key = new PollVote.Key();
        key.pollId = pollId;
        key.participationId = scope.me().id();
        if (PollVote.findById(key) != null) {
            throw new DomainException(ProblemType.CONFLICT, "This participant has voted in this poll already.");
        }
        PollVote vote = new PollVote();
        vote.pollId = pollId;
        vote.participationId = scope.me().id();
        vote.roomId = roomId;
        vote.tenantId = scope.me().tenantId();
        vote.subjectId = scope.me().subjectId();
        vote.createdAt = clock.instant();
        vote.choice = scope.seal(ByteBuffer.allocate(Integer.BYTES).putInt(option).array());
        vote.persist();
        // The query flushes the new vote first, so the counts include it.
        return view(scope, poll, PollVote.listOfPoll(pollId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PollView get(UUID roomId, UUID pollId) {
        ContentScope scope = access.read(roomId);
        Poll poll = requirePoll(roomId, pollId);
        return view(scope, poll, PollVote.listOfPoll(pollId));
    }

    private static Poll requirePoll(UUID roomId, UUID pollId) {
        return Poll.<Poll>findByIdOptional(pollId).filter(p -> p.roomId.equals(roomId))
                .orElseThrow(() -> DomainException.notFound("Poll"));
    }

    private PollView view(ContentScope scope, Poll poll, List<PollVote> votes) {
        List<Integer> counts = new ArrayList<>(Collections.nCopies(poll.optionCount, 0));
        for (PollVote vote : votes) {
            int choice = ByteBuffer.wrap(scope.open(vote.choice)).getInt();
            counts.set(choice, counts.get(choice) + 1);
        }
        return new PollView(poll.id, new String(scope.open(poll.question), StandardCharsets.UTF_8),
                read(scope.open(poll.options)), counts, votes.size(), poll.createdAt);
    }

    private byte[] write(List<String> options) {
        try {
            return json.writeValueAsBytes(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(byte[] options) {
        try {
            return json.readValue(options, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
