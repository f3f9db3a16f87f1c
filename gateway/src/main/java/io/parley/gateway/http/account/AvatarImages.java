package io.parley.gateway.http.account;

import io.parley.contract.Limits;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded avatar into the PNG that is stored: the bytes must decode as a PNG, JPEG, GIF or WebP image
 * (found by their content, never by a name or a declared type, so an SVG or an HTML page renamed .png is
 * refused), which is then scaled to fit {@value Limits#AVATAR_MAX_SIDE} pixels and encoded anew. Nothing of the
 * upload is served as it came. Decoding burns CPU and, for some formats, memory in proportion to the picture:
 * it runs on a small pool of its own, never on an event loop, and never more than {@value #DECODERS} at once.
 */
public final class AvatarImages {

  private static final int DECODERS = 2;
  private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp");
  /**
   * A small file may claim a huge canvas: images past 16 megapixels (a phone's photo is 12) are refused before
   * they are decoded. Progressive JPEG and WebP decoders hold the whole picture, about 100 MB at this size.
   */
  private static final long MAX_SOURCE_PIXELS = 4096L * 4096L;
  /** Large images are read subsampled to about this side, which is plenty to scale down from. */
  private static final int READ_SIDE = 4 * Limits.AVATAR_MAX_SIDE;

  static {
    System.setProperty("java.awt.headless", "true");
    // TwelveMonkeys' WebP reader registers itself through the service loader; make sure ImageIO has looked.
    ImageIO.scanForPlugins();
  }

  private final WorkerExecutor decoders;

  public AvatarImages(Vertx vertx) {
    this.decoders = vertx.createSharedWorkerExecutor("parley-avatar-decoders", DECODERS);
  }

  /** The PNG to store, or {@code invalid_input} naming why the upload is not a usable image. */
  public Future<byte[]> normalise(Buffer upload) {
    byte[] bytes = upload.getBytes();
    return decoders.executeBlocking(() -> toPng(bytes), false);
  }

  static byte[] toPng(byte[] bytes) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw refused("is not a PNG, JPEG, GIF or WebP image");
      }
      ImageReader reader = readers.next();
      try {
        if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          throw refused("must be a PNG, JPEG, GIF or WebP image");
        }
        reader.setInput(in, true, true);
        return encode(scale(read(reader)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException broken) {
      if (broken instanceof ServiceError refusal) {
        throw refusal;
      }
      throw refused("could not be read as an image");
    }
  }

  private static BufferedImage read(ImageReader reader) throws IOException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    if (width <= 0 || height <= 0 || (long) width * height > MAX_SOURCE_PIXELS) {
      throw refused("is too large in pixels");
    }
    ImageReadParam param = reader.getDefaultReadParam();
    int every = Math.max(1, Math.max(width, height) / READ_SIDE);
    param.setSourceSubsampling(every, every, 0, 0);
    // The first frame of an animated GIF or WebP.
    return reader.read(0, param);
  }

  /** Fits the image in the avatar square, halving in steps first so that large images scale down smoothly. */
  private static BufferedImage scale(BufferedImage image) {
    double ratio = Math.min(1.0, (double) Limits.AVATAR_MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
    int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * ratio));
    int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * ratio));
    BufferedImage current = image;
    do {
      int width = Math.max(targetWidth, current.getWidth() / 2);
      int height = Math.max(targetHeight, current.getHeight() / 2);
      current = draw(current, width, height);
    } while (current.getWidth() > targetWidth || current.getHeight() > targetHeight);
    return current;
  }

  private static BufferedImage draw(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static byte[] encode(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), null);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ServiceError refused(String why) {
    return ServiceError.invalid("image", "The upload " + why + ".");
  }
}
