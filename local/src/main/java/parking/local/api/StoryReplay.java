package parking.local.api;

import java.util.List;
import parking.local.template.SampleEvents;

/**
 * Plays sample events of the {@code events/} story in order, as the story tells them: what
 * {@code login.json} answers is the token put into the events after it, and the key
 * {@code issue-sensor-key.json} answers goes into the sensor's report.
 */
public final class StoryReplay {

    /** Sends one sample's event, its credentials filled in, and returns the answer. */
    @FunctionalInterface
    public interface Sender {
        LocalApi.Reply send(SampleEvents.Sample sample, byte[] event);
    }

    private StoryReplay() {
    }

    /**
     * Sends each sample's event in order.
     *
     * @return the credentials the story has reached, for the event that comes next
     * @throws IllegalStateException when an event is not answered 2xx
     */
    public static SampleEvents.Credentials play(List<SampleEvents.Sample> samples, Sender sender) {
        SampleEvents.Credentials credentials = SampleEvents.Credentials.PLACEHOLDERS;
        for (SampleEvents.Sample sample : samples) {
            LocalApi.Reply reply = sender.send(sample, sample.with(credentials));
            if (reply.status() >= 300) {
                throw new IllegalStateException(sample.file().getFileName() + " answered " + reply.status() + " " + reply.body());
            }
            credentials = credentials.after(sample, reply.body());
        }
        return credentials;
    }
}
