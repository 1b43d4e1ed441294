package org.roomgate.backend.bbb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.roomgate.backend.BackendUnavailable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * BigBlueButton's XML answer: {@code returncode} SUCCESS or FAILED, a {@code messageKey}, the
 * top-level fields, the {@code userID} of each {@code attendees/attendee} (getMeetingInfo: the
 * userID roomgate sent on join, i.e. the participation id) and the {@code meetingID} of each
 * {@code meetings/meeting} (getMeetings).
 */
public record BbbResponse(boolean success, String messageKey, Map<String, String> fields, List<String> attendeeUserIds,
        List<String> meetingIds) {

    public String field(String name) {
        return fields.get(name);
    }

    /** Parses the answer; DOCTYPEs are refused, so an answer cannot make roomgate read files or URLs. */
    public static BbbResponse parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, String> fields = new HashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    fields.put(child.getNodeName(), child.getTextContent().strip());
                }
            }
            return new BbbResponse("SUCCESS".equals(fields.get("returncode")), fields.get("messageKey"), Map.copyOf(fields),
                    attendeeUserIds(root), meetingIds(root));
        } catch (Exception e) {
            throw new BackendUnavailable("answer is not BigBlueButton XML");
        }
    }

    /** getMeetingInfo: {@code <attendees><attendee><userID>…} for each user in the meeting. */
    private static List<String> attendeeUserIds(Element root) {
        List<String> attendees = new ArrayList<>();
        NodeList attendeeNodes = root.getElementsByTagName("attendee");
        for (int i = 0; i < attendeeNodes.getLength(); i++) {
            NodeList userIds = ((Element) attendeeNodes.item(i)).getElementsByTagName("userID");
            if (userIds.getLength() > 0) {
                attendees.add(userIds.item(0).getTextContent().strip());
            }
        }
        return List.copyOf(attendees);
    }

    /** getMeetings: {@code <meetings><meeting><meetingID>…} for each meeting on the server. */
    private static List<String> meetingIds(Element root) {
        List<String> ids = new ArrayList<>();
        NodeList meetings = root.getElementsByTagName("meeting");
        for (int i = 0; i < meetings.getLength(); i++) {
            NodeList children = meetings.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if ("meetingID".equals(children.item(j).getNodeName())) {
                    ids.add(children.item(j).getTextContent().strip());
                }
            }
        }
        return List.copyOf(ids);
    }
}
