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
 * top-level fields, and the {@code userID} of each {@code attendees/attendee} (getMeetingInfo:
 * the userID roomgate sent on join, i.e. the participation id).
 */
public record BbbResponse(boolean success, String messageKey, Map<String, String> fields, List<String> attendeeUserIds) {

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
            List<String> attendees = new ArrayList<>();
            NodeList attendeeNodes = root.getElementsByTagName("attendee");
            for (int i = 0; i < attendeeNodes.getLength(); i++) {
                NodeList userIds = ((Element) attendeeNodes.item(i)).getElementsByTagName("userID");
                if (userIds.getLength() > 0) {
                    attendees.add(userIds.item(0).getTextContent().strip());
                }
            }
            return new BbbResponse("SUCCESS".equals(fields.get("returncode")), fields.get("messageKey"), Map.copyOf(fields),
                    List.copyOf(attendees));
        } catch (Exception e) {
            throw new BackendUnavailable("answer is not BigBlueButton XML");
        }
    }
}
